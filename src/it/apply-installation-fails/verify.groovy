evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_apply-installation-fails-2.0.0_anyos_noarch'
expect("Imported ${fixId}: job ")
expect("LXCA is restarting or unreachable (")
expect("LXCA's update history says the installation of ${fixId} failed on ")
// LXCA's words: the documented entry's detailInfo, then its description
expect(": FQXHMUP4105L: The management server update failed: the database migration did not complete.; Lenovo XClarity Administrator 2.0.0 update")
expect("What to do: LXCA still runs 1.0.0; read the update's history and the jobs log in LXCA's web console")
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
        .path('applies').get(0)
assert entry.path('outcome').asText() == 'INSTALLATION_FAILED' : entry
assert entry.path('versionAfter').asText() == '1.0.0' : entry
assert entry.path('error').asText().startsWith("LXCA's update history says the installation of ${fixId} failed") : entry
true
