def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
def fixId = 'lnvgy_sw_lxca_demo-1.0.0_anyos_noarch'
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("Importing ${fixId} (4 files, ")
expect("Uploaded ")
expect("Job ${job}: Complete 100%")
expect("Imported ${fixId}: job ${job} Complete")
// The update is in the simulator's repository, byte for byte.
['chg', 'tgz', 'txt', 'xml'].each { ext ->
    def stored = new File(simulatorDir, "repository/${fixId}/${fixId}.${ext}")
    assert stored.isFile() : "not in the repository: " + stored
    assert stored.bytes == new File(basedir, "update/${fixId}.${ext}").bytes
}
true
