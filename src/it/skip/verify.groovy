evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("Skipping the LXCA import: lxca.skip is true")
assert !log.contains('Importing ')
// This build, and only this one, logs in as skip-it: the simulator records every login (refused or
// not) and every later request with the user's name at the end.
def events = new File(simulatorDir, 'events.log')
def skipIt = events.exists() ? events.readLines().findAll { it.endsWith(' skip-it') } : []
assert skipIt.isEmpty() : 'the skipped build called LXCA: ' + skipIt
true
