evaluate(new File(basedir, '../../../src/it/common.groovy'))
// Build 1 runs under lxca.skip, build 2 skips each goal by its own property, build 3 only the import.
expect("Skipping the LXCA import: lxca.skip is true")
expect("Skipping the LXCA update packaging: lxca.skip is true")
expect("Skipping the LXCA import: lxca.skipImport is true")
expect("Skipping the LXCA update packaging: lxca.skipPackage is true")
assert !log.contains('Importing ')
// A report left by an earlier run is removed, so no later step reads it as this run's.
assert !new File(basedir, 'earlier-report.json').exists() : 'a skipped import left an earlier report'
// This build, and only this one, logs in as skip-it: the simulator records every login (refused or
// not) and every later request with the user's name at the end.
def events = new File(simulatorDir, 'events.log')
def skipIt = events.exists() ? events.readLines().findAll { it.endsWith(' skip-it') } : []
assert skipIt.isEmpty() : 'the skipped build called LXCA: ' + skipIt
// With only the import skipped, the set is packaged.
assert new File(basedir, 'target/lxca-update/lnvgy_sw_lxca_skip-1.0.0_anyos_noarch.tgz').isFile()
true
