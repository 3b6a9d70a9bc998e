evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("LXCA refused to upload the update files (job ${job}): HTTP 409")
expect("FQXHMUP2502L: The repository operation failed.")
expect("Explanation: The update is being imported by another job.")
expect("Recovery: Wait for the other job to finish. Retry the operation.")
expect("What to do: the update may already be in LXCA's repository")
assert new File(simulatorDir, 'events.log').readLines().contains('logout upload-409')
true
