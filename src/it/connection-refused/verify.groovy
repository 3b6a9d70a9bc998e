def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect("Cannot connect to LXCA at localhost:")
expect(": connection refused")
expect("What to do: check the host and port in lxca.url")
true
