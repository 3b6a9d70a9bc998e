evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /LXCA is already running an import of lnvgy_sw_lxca_already-running-1.0.0_anyos_noarch: job (\d+)/)[0][1]
expect("The other import of lnvgy_sw_lxca_already-running-1.0.0_anyos_noarch, job ${job}, ended 'Complete'")
expect("Nothing to import: LXCA's repository now holds lnvgy_sw_lxca_already-running-1.0.0_anyos_noarch")
assert !log.contains("Created import job") : 'a second import was started'
true
