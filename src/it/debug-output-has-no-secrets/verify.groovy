evaluate(new File(basedir, '../../../src/it/common.groovy'))
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert log.contains('Imported lnvgy_sw_lxca_debugoutputhasnosecrets-1.0.0_anyos_noarch: job ')
def secrets = new File(simulatorDir, 'secrets.log').readLines().findAll { it }
assert !secrets.isEmpty() : 'sessions were opened, so the checks had secrets to look for'
def report = new File(basedir, 'target/lxca/import-report.json')
assert report.exists() : 'the run wrote its report'
def reportText = report.text
assert reportText.contains('"outcome" : "IMPORTED"') : reportText
(secrets + ['Sim-Pa55-w0rd']).each { secret ->
    assert !reportText.contains(secret) : 'a password, session id or CSRF token appears in the report'
}
// the plugin's own request lines, and none of HttpClient's (its connection logs name each connection http-outgoing-N)
assert log.contains('[DEBUG] POST /sessions -> HTTP 200 after ') : 'the plugin logs its requests at DEBUG'
assert !log.contains('http-outgoing-') : "HttpClient's own logging reached the build output"
true
