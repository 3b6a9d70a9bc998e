def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect("[DEBUG]")
expect("Imported lnvgy_sw_lxca_debugoutputhasnosecrets-1.0.0_anyos_noarch: job ")
assert !log.contains('Sim-Pa55-w0rd') : 'the password appears in the -X output'
def secrets = new File(simulatorDir, 'secrets.log').readLines().findAll { it }
assert !secrets.isEmpty()
secrets.each { secret -> assert !log.contains(secret) : 'a session id or CSRF token appears in the -X output' }
true
