evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_pinned-1.5.0_anyos_noarch'
expect("[site-a] Importing")
expect("[site-b] Importing")
expect('LXCA import summary:')
assert log =~ /https:\/\/localhost:\d+ +IMPORTED +\d+/
assert (log =~ /IMPORTED +\d+ +[\d.]+ s/).count == 2 : 'both imported'
expectStored(new File(fleetDir, 'appliance-11'), fixId)
expectStored(new File(fleetDir, 'appliance-12'), fixId)
expectNoSecretsOf(new File(fleetDir, 'appliance-11'))
expectNoSecretsOf(new File(fleetDir, 'appliance-12'))
true
