evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
assert log =~ /\[WARNING\].*FQXHMUP2150W: The repository is almost full\./ : 'the warning is not shown at WARN'
expect("Imported lnvgy_sw_lxca_createjobwarning-1.0.0_anyos_noarch: job ${job} Complete")
true
