// A new user's copy of this plugin's project: its pom and main sources, under another version so that
// installing it cannot disturb the plugin the other builds here are using.
evaluate(new File(basedir, '../../../src/it/files.groovy'))
def plugin = new File(basedir, 'plugin')
copyTree(new File(pluginBasedir), plugin) { it == 'pom.xml' || it.startsWith('src/main/') }
def pom = new File(plugin, 'pom.xml')
pom.text = pom.text.replaceFirst('<version>0.1.0-SNAPSHOT</version>', '<version>0.0.1-prefix-it-SNAPSHOT</version>')
true
