evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("Did not check what lnvgy_sw_lxca_strictotherlayout-1.0.0_anyos_noarch.xml says about its set")
expect("FQXHMUP2013L: The update package lnvgy_sw_lxca_strictotherlayout-1.0.0_anyos_noarch is not valid.")
expect("Explanation: lnvgy_sw_lxca_strictotherlayout-1.0.0_anyos_noarch.xml has no INSTANCE root element.")
true
