evaluate(new File(basedir, '../../../src/it/common.groovy'))
['lxca:import-update', 'onExisting', 'dryRun', 'reportFile', 'servers', 'certificateFingerprint', 'User property: lxca.retries'].each {
    assert log.contains(it) : 'the help lacks ' + it
}
// the trust store's example path, whole (javadoc's {@code} ended at the first closing brace)
assert log.contains('${project.basedir}/lxca-truststore.p12') : 'the help lacks the trust store example'
assert !log.contains('${project.basedir/') : 'the help shows a broken expression'
true
