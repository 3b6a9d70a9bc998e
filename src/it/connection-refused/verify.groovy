evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect("Cannot connect to LXCA at localhost:")
expect(": connection refused (4 attempts)")
expect(": connection refused; trying again to log in in ")
expect("What to do: check the host and port in lxca.url")
true
