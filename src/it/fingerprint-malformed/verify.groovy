evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("lxca.certificateFingerprint 'BB:19:4A' is not a SHA-256 fingerprint: it has 6 hex digits, and one has 64")
expect("What to do: copy the whole SHA-256 fingerprint")
assert !log.contains('not trusted') : 'the fingerprint is malformed, not a different certificate'
assert !log.contains("Importing lnvgy_sw_lxca_fingerprintmalformed") : 'checked before anything else was done'
def events = new File(simulatorDir, 'events.log').readLines()
assert !events.any { it.endsWith(' fingerprint-malformed') } : 'the simulator got a request: ' + events.findAll { it.contains('fingerprint-malformed') }
true
