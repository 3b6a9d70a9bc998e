evaluate(new File(basedir, '../../../src/it/common.groovy'))
['lxca:import-update', 'onExisting', 'dryRun', 'reportFile', 'servers', 'certificateFingerprint', 'User property: lxca.retries'].each {
    assert log.contains(it) : 'the help lacks ' + it
}
true
