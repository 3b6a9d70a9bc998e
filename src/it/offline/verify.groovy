evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("lxca:import-update must reach LXCA, but Maven is offline (-o)")
true
