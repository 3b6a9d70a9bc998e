evaluate(new File(basedir, '../../../src/it/common.groovy'))
def warnings = log.readLines().findAll { it.contains('other users of this machine can read them in the process list') }
assert warnings.size() == 1 : 'warned once: ' + warnings
def warning = warnings[0]
assert warning.startsWith('[WARNING] The passwords given as -Dlxca.password and -Dlxca.trustStorePassword are on the command line')
assert warning.contains('settings.xml (encrypted with mvn --encrypt-password)')
assert warning.contains('LXCA_PASSWORD instead of -Dlxca.password')
assert warning.contains('LXCA_TRUSTSTORE_PASSWORD instead of -Dlxca.trustStorePassword')
expect('Imported lnvgy_sw_lxca_passwordoncommandline-1.0.0_anyos_noarch: job ')
true
