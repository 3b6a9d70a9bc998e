evaluate(new File(basedir, '../../../src/it/no-secrets.groovy'))
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect('): HTTP 500; reply "500 Internal Server Error Internal Server Error The proxy could not reach the upstream server."')
expect("What to do: LXCA failed internally")
assert !log.contains('<html>')
true
