// The simulator made each appliance's certificate when it started: pin each in its own entry.
def pom = new File(basedir, 'pom.xml')
def a = new File(fleetDir, 'appliance-11/fingerprint.txt').text.strip()
def b = new File(fleetDir, 'appliance-12/fingerprint.txt').text.strip()
assert a != b : 'the two appliances have certificates of their own'
pom.text = pom.text.replace('FINGERPRINT_A', a).replace('FINGERPRINT_B', b)
true
