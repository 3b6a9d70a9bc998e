evaluate(new File(basedir, '../../../src/it/common.groovy'))
def presented = new File(simulatorDir, 'fingerprint.txt').text.trim()
def pinned = 'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99'
expect("The TLS certificate of LXCA at localhost:")
expect("has changed: lxca.certificateFingerprint pins ${pinned}, but it presented ${presented}")
expect('renewed')
expect('someone between this machine and LXCA')
def whatToDo = log.readLines().find { it.startsWith('[ERROR] What to do:') }
assert whatToDo != null : 'a What to do line'
assert whatToDo.indexOf("web console") >= 0 && whatToDo.indexOf("web console") < whatToDo.indexOf("-Dlxca.certificateFingerprint=${presented}") : 'verify first, then pin: ' + whatToDo
def events = new File(simulatorDir, 'events.log').readLines()
assert !events.any { it.endsWith(' pin-mismatch') } : 'the simulator got a login: ' + events.findAll { it.contains('pin-mismatch') }
true
