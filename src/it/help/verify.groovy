def log = new File(basedir, 'build.log').text
['lxca:import-update', 'onExisting', 'dryRun', 'reportFile', 'servers', 'certificateFingerprint', 'User property: lxca.retries'].each {
    assert log.contains(it) : 'the help lacks ' + it
}
true
