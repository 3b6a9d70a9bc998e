evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect('): HTTP 500; reply "500 Internal Server Error Internal Server Error The proxy could not reach the upstream server."')
expect("What to do: LXCA failed internally")
assert !log.contains('<html>')
true
