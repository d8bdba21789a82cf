import packageJson from '../../package.json' with { type: 'json' };

/** The User-Agent parallax sends on every fetch: `parallax/<version>`, so sites can tell who is asking. */
export const USER_AGENT = `parallax/${packageJson.version}`;
