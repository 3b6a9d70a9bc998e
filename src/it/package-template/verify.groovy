evaluate(new File(basedir, '../../../src/it/common.groovy'))
import java.security.MessageDigest
def fixId = 'lnvgy_sw_lxca_package-template-2.0.0_anyos_noarch'
def dir = new File(basedir, 'target/lxca-update')
def tgz = new File(dir, "${fixId}.tgz")
def fix = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(dir, "${fixId}.xml"))
def xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath()
def at = { String path -> xpath.evaluate(path, fix) }
assert at('/FIX/@ID') == fixId
assert at('/FIX/@VERSION') == '2.0.0'
assert at('/FIX/@DATE') == '2026-11-26'
assert at('/FIX/DESC') == 'Sample & test of package-update.'
assert at('/FIX/PAYLOAD/@NAME') == "${fixId}.tgz"
assert at('/FIX/PAYLOAD/@SIZE') == String.valueOf(tgz.length())
assert at('/FIX/PAYLOAD/@SHA256') == MessageDigest.getInstance('SHA-256').digest(tgz.bytes).encodeHex().toString()
['chg', 'txt'].each { assert new File(dir, "${fixId}.${it}").length() > 0 }
true
