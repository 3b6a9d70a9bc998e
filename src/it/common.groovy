// Shared by the verify scripts (evaluated into their binding): the build's output as `log`, an
// `expect(text)` that names what is missing, and the check that no password, session id or CSRF
// token appears in the output. Most failure cases run with -X (invoker.debug), so Maven's and
// HttpClient's debug output is covered too.
log = new File(basedir, 'build.log').text
expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
['Sim-Pa55-w0rd', 'not-the-password', 'proxy-pass'].each { password ->
    assert !log.contains(password) : 'a password appears in the build output'
}
def secrets = new File(simulatorDir, 'secrets.log')
if (secrets.exists()) {
    secrets.readLines().findAll { it }.each { secret ->
        assert !log.contains(secret) : 'a session id or CSRF token appears in the build output'
    }
}
