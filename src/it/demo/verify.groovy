evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_demo-1.0.0_anyos_noarch'
def job = (log =~ /Created import job (\d+)/)[0][1]
// Nothing failed, so nothing prints a stack trace or an exception; the note on the payload is for -X only.
log.readLines().each { assert !it.contains('Exception') : 'the demo log has an exception: ' + it }
assert !log.contains('Not reading ')
expect("Importing ${fixId} (4 files, ")
expect("Job ${job}: Complete 100%")
expect("Imported ${fixId}: job ${job} Complete")
// The set packaged by this build is in the simulator's repository, byte for byte.
expectStored(simulatorDir, fixId)
def descriptor = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, "target/lxca-update/${fixId}.xml"))
def property = { String name -> javax.xml.xpath.XPathFactory.newInstance().newXPath()
        .evaluate("/INSTANCE/PROPERTY[@NAME='${name}']/VALUE", descriptor) }
assert property('payload') == "${fixId}.tgz"
assert property('xmlFilename') == "${fixId}.xml"
assert property('Version') == '20261126 1.0.0'
// The strict simulator read the descriptor as Lenovo's parser does before it took the set.
assert new File(simulatorDir, 'events.log').readLines().contains("descriptor-read ${fixId}.xml Version=20261126 1.0.0".toString())
true
