evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("): HTTP 409")
expect("FQXHMUP2503L: The update is being imported by another job.")
expect("Recovery: Wait for the other import to finish, then retry.")
true
