evaluate(new File(basedir, '../../../src/it/common.groovy'))
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert log.contains('Imported lnvgy_sw_lxca_debugoutputhasnosecrets-1.0.0_anyos_noarch: job ')
assert !new File(simulatorDir, 'secrets.log').readLines().findAll { it }.isEmpty() : 'sessions were opened, so the check above had secrets to look for'
true
