// Shared by the verify scripts: no password, session id or CSRF token may appear in a build's output.
// Most failure cases run with -X (invoker.debug), so Maven's and HttpClient's debug output is covered too.
def output = new File(basedir, 'build.log').text
['Sim-Pa55-w0rd', 'not-the-password', 'proxy-pass'].each { password ->
    assert !output.contains(password) : 'a password appears in the build output'
}
def secrets = new File(simulatorDir, 'secrets.log')
if (secrets.exists()) {
    secrets.readLines().findAll { it }.each { secret ->
        assert !output.contains(secret) : 'a session id or CSRF token appears in the build output'
    }
}
