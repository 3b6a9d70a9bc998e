// Shared by the verify scripts (evaluated into their binding): the build's output as `log`, an
// `expect(text)` that names what is missing, `expectStored`, and the check that no password, session id or CSRF
// token appears in the output. Most failure cases run with -X (invoker.debug), so Maven's and
// HttpClient's debug output is covered too.
log = new File(basedir, 'build.log').text
expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
['Sim-Pa55-w0rd', 'not-the-password', 'proxy-pass'].each { password ->
    assert !log.contains(password) : 'a password appears in the build output'
}
// No session id or CSRF token that the simulator writing to `simulator` (a File or a path) handed out appears in the output.
expectNoSecretsOf = { simulator ->
    def secrets = new File("${simulator}", 'secrets.log')
    if (secrets.exists()) {
        secrets.readLines().findAll { it }.each { secret ->
            assert !log.contains(secret) : 'a session id or CSRF token of ' + simulator + ' appears in the build output'
        }
    }
}
expectNoSecretsOf(simulatorDir)
// The whole build, as Maven's "Total time" line gives it, took less than `seconds`.
expectBuildWithin = { int seconds ->
    def total = (log =~ /Total time:\s+(?:(\d+):)?(\d+)(?:\.(\d+))? (s|min)/)
    assert total.find() : "build.log has no 'Total time' line"
    def taken = total.group(4) == 'min'
            ? (total.group(1) ?: '0').toInteger() * 60 + total.group(2).toInteger()
            : total.group(2).toInteger()
    assert taken < seconds : "the build took ${taken} s, more than its bound of ${seconds} s"
}
// The set `fixId` this build packaged is in the repository of the simulator writing to `simulator`, byte for byte.
expectStored = { simulator, String fixId ->
    ['chg', 'tgz', 'txt', 'xml'].each { ext ->
        def stored = new File("${simulator}", "repository/${fixId}/${fixId}.${ext}")
        assert stored.isFile() : 'not in the repository of ' + simulator + ': ' + stored
        assert stored.bytes == new File(basedir, "target/lxca-update/${fixId}.${ext}").bytes : 'changed: ' + stored
    }
}
