// @ts-check
'use strict';

/** Owner setup on a fresh n8n, or sign-in when the owner exists. Works on 2.41.1 and 1.123.81. */

const { tid } = require('../lib/dom');

const OWNER = {
	email: 'ui@example.com',
	firstName: 'Ui',
	lastName: 'Tester',
	password: 'Ui-passw0rd',
};

/** @param {import('../run').Ctx} ctx */
async function signIn(ctx) {
	const { page, url } = ctx;
	await page.goto(`${url}/`, { waitUntil: 'domcontentloaded' });
	await page.waitForFunction(
		(s) =>
			document.querySelector(s.setup) ||
			document.querySelector(s.signin) ||
			/\/(home|workflows|assistant)/.test(location.pathname),
		{},
		{ setup: tid('setup-form'), signin: tid('signin-form') },
	);
	const onSetup = Boolean(await page.$(tid('setup-form')));
	const onSignin = Boolean(await page.$(tid('signin-form')));
	if (onSetup) {
		for (const [field, value] of Object.entries(OWNER))
			await page.type(`${tid(field)} input`, value);
	} else if (onSignin) {
		await page.type(`${tid('emailOrLdapLoginId')} input, ${tid('email')} input`, OWNER.email);
		await page.type(`${tid('password')} input`, OWNER.password);
	}
	if (onSetup || onSignin) {
		await page.click(tid('form-submit-button'));
		await page.waitForFunction(() => !/\/(setup|signin)/.test(location.pathname));
	}
	const cookies = await page.browserContext().cookies();
	const ok = cookies.some((c) => c.name === 'n8n-auth');
	ctx.check(
		`${ctx.label}: ${onSetup ? 'owner account set up' : 'signed in'} in the browser`,
		ok,
		`now at ${new URL(page.url()).pathname}`,
	);
	await ctx.shot(onSetup ? 'owner-setup-done' : 'signed-in');
	return ok;
}

/** A new, empty workflow on the canvas. @param {import('../run').Ctx} ctx */
async function newWorkflow(ctx) {
	await ctx.page.goto(`${ctx.url}/workflow/new`, { waitUntil: 'domcontentloaded' });
	await ctx.page.waitForSelector(`${tid('canvas-plus-button')}, ${tid('canvas-add-button')}`, {
		visible: true,
	});
}

module.exports = { signIn, newWorkflow, OWNER };
