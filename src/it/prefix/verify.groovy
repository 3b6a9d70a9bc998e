evaluate(new File(basedir, '../../../src/it/common.groovy'))
// mvn install wrote the group's metadata that maps the prefix, and lxca:help then ran through it.
def metadata = new File(localRepositoryPath, 'io/github/lxca/maven-metadata-local.xml')
assert metadata.isFile() : 'mvn install wrote no ' + metadata
assert metadata.text.contains('<prefix>lxca</prefix>')
assert !log.contains('No plugin found for prefix')
expect('lxca:import-update')
expect('lxca:package-update')
true
