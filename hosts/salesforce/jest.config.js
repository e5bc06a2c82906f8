// sfdx-lwc-jest's configuration: the LWC compiler as transform, the lightning/* stubs, and scoped
// imports (@salesforce/...) as constants.
const {jestConfig} = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {...jestConfig};
