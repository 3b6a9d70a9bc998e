evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("Cannot connect to LXCA at localhost:")
expect(": connection refused (4 attempts)")
expect(": connection refused; trying again to log in in ")
expect("What to do: check the host and port in lxca.url")
true
