/** The environment `npm run lab -- env` sets, as the CLI tests give it to parseCli (values of a test lab, not a real one). */
export const LAB_ENV = {
  EAD_DC_HOST: 'dc1.contoso.test',
  EAD_DC_PORT: '636',
  EAD_DC_SECURITY: 'ldaps',
  EAD_CA_FILE: '/tmp/lab/ca.pem',
  EAD_BIND_USER: 'doctor@contoso.test',
  EAD_BIND_PASSWORD: 'Lab-Pa55word!',
  EAD_REALM: 'CONTOSO.TEST',
  EAD_SERVERS: 'EX01,EX02',
};
