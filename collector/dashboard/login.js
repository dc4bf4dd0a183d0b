// The login page under a CSP without inline script: says so when the token given was refused
// (the collector sends the form back as /results?login=failed).
if (new URLSearchParams(location.search).get('login') === 'failed') document.getElementById('failed').hidden = false;
