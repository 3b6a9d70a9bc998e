evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_incompleteset-1.0.0_anyos_noarch'
expect("Ignoring notes.md: not a .chg, .tgz, .txt or .xml file of an update set")
expect("${fixId}.txt is missing: the set ${fixId} has only [${fixId}.chg, ${fixId}.tgz, ${fixId}.xml]")
def events = new File(simulatorDir, 'events.log')
// Only this build logs in as incomplete-set-it, so any request it made would show under that name.
assert !events.exists() || !events.readLines().any { it.endsWith(' incomplete-set-it') } : 'LXCA was called for an invalid set'
true
