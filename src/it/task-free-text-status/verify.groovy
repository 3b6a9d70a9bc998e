evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("Imported lnvgy_sw_lxca_taskfreetextstatus-1.0.0_anyos_noarch: job ${job} Complete")
// two polls of one second each; polling until the timeout would take a minute and fail
assert (log =~ /Job ${job}: /).count <= 3 : 'polled more often than the job takes'
true
