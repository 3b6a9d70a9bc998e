evaluate(new File(basedir, '../../../src/it/common.groovy'))
import java.security.MessageDigest
def fixId = 'lnvgy_sw_lxca_package-template-2.0.0_anyos_noarch'
def dir = new File(basedir, 'target/lxca-update')
def tgz = new File(dir, "${fixId}.tgz")
def descriptor = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(dir, "${fixId}.xml"))
def xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath()
def property = { String name -> xpath.evaluate("/INSTANCE/PROPERTY[@NAME='${name}']/VALUE", descriptor) }
def list = { String name ->
    def values = xpath.evaluate("/INSTANCE/PROPERTY.ARRAY[@NAME='${name}']/VALUE.ARRAY/VALUE", descriptor,
            javax.xml.xpath.XPathConstants.NODESET)
    (0..<values.length).collect { values.item(it).textContent }
}
assert property('category') == 'Management Server'
assert property('Version') == 'TPL7 2.0.0'
assert property('buildNumber') == 'TPL7'
assert property('payload') == "${fixId}.tgz"
assert property('xmlFilename') == "${fixId}.xml"
assert list('preReq') == ['lnvgy_sw_lxca_base-1.0.0_anyos_noarch']
assert list('applicableMachineTypes') == ['Lenovo XClarity Administrator [LXCA]']
assert property('description') == 'Sample & test of package-update with a descriptor template, imported into a strict LXCA.'
assert property('updateType') == 'Update'
assert property('rebootRequired') == 'false'
assert property('releaseDate') == '2026-11-26'
assert property('payloadSha256') == MessageDigest.getInstance('SHA-256').digest(tgz.bytes).encodeHex().toString()
['chg', 'txt'].each { assert new File(dir, "${fixId}.${it}").length() > 0 }
// The strict simulator read the filled template as Lenovo's parser does, and took the set.
assert new File(simulatorDir, 'events.log').readLines().contains("descriptor-read ${fixId}.xml Version=TPL7 2.0.0".toString())
expect("Imported ${fixId}: job ")
true
