evaluate(new File(basedir, '../../../src/it/common.groovy'))
expect("): HTTP 409")
expect("FQXHMUP2502L: The repository operation failed.")
expect("Explanation: The operation failed for an unknown reason. The network connection might have gone down")
expect("Recovery: Check the network connection. Retry the operation.")
true
