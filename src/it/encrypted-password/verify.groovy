evaluate(new File(basedir, '../../../src/it/common.groovy'))
assert log.contains("Cannot decrypt the password of <server> 'lxca-encrypted' in settings.xml") : log
assert log.contains('Imported lnvgy_sw_lxca_encryptedpassword-1.0.0_anyos_noarch: job ')
assert !log.contains('Sim-Pa55-w0rd')
true
