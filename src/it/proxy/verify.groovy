evaluate(new File(basedir, '../../../src/it/common.groovy'))
def port = (log =~ /into LXCA at https:\/\/127\.0\.0\.1:(\d+)/)[0][1]
assert log.contains('Imported lnvgy_sw_lxca_throughproxy-1.0.0_anyos_noarch: job ')
assert log.contains('Imported lnvgy_sw_lxca_bypassingproxy-1.0.0_anyos_noarch: job ')
def tunnels = new File(simulatorDir, 'events.log').readLines().findAll { it.startsWith('tunnel ') }
assert tunnels == ["tunnel 127.0.0.1:${port}".toString()] : 'one tunnel for the proxied build, none for localhost: ' + tunnels
assert !log.contains('proxy-pass')
true
