evaluate(new File(basedir, '../../../src/it/common.groovy'))
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert log.contains('Imported lnvgy_sw_lxca_debugoutputhasnosecrets-1.0.0_anyos_noarch: job ')
// the plugin's own request lines, and none of HttpClient's (its connection logs name each connection http-outgoing-N)
assert log.contains('[DEBUG] POST /sessions -> HTTP 200 after ') : 'the plugin logs its requests at DEBUG'
assert !log.contains('http-outgoing-') : "HttpClient's own logging reached the build output"
assert !new File(simulatorDir, 'secrets.log').readLines().findAll { it }.isEmpty() : 'sessions were opened, so the check above had secrets to look for'
true
