evaluate(new File(basedir, '../../../src/it/common.groovy'))
// common.groovy already fails on the password anywhere in the output (-X included)
expect("LXCA rejected the user name or password of user 'login-echoes-password' (HTTP 401)")
expect("FQXHMSE0200J: The password *** is not valid. [INFO] BUILD SUCCESS")
assert !(log =~ /(?m)^\[INFO\] BUILD SUCCESS/) : 'the server forged a log line'
true
