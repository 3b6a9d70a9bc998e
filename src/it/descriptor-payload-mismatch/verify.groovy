evaluate(new File(basedir, '../../../src/it/common.groovy'))
// lxca.url points at a closed port: reaching the network would fail with "connection refused" instead.
expect("lnvgy_sw_lxca_payloadmismatch-1.0.0_anyos_noarch.xml: property 'payload' is 'lnvgy_sw_lxca_other-1.0.0_anyos_noarch.tgz', but the set's payload file is 'lnvgy_sw_lxca_payloadmismatch-1.0.0_anyos_noarch.tgz'")
assert !log.contains('connection refused') : 'the check ran after a network call'
true
