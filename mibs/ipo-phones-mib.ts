import type { EnumTable } from './ipo-enums.js';

/**
 * IPO-PHONES-MIB (rev 2011-02-09) as data: the phone table the poller walks and
 * the phone change notification. Root ipoPhonesMIB = 1.3.6.1.4.1.6889.2.2.1.1.1.
 */
export const IPO_PHONES_MIB_OID = '1.3.6.1.4.1.6889.2.2.1.1.1';
export const IPO_PHONES_NUMBER_OID = `${IPO_PHONES_MIB_OID}.1.1.1`;
/** ipoPhonesTable; rows are ipoPhonesEntry (.1), indexed by ipoPhonesIndex. */
export const IPO_PHONES_TABLE_OID = `${IPO_PHONES_MIB_OID}.1.1.2`;
export const IPO_PHONES_ENTRY_OID = `${IPO_PHONES_TABLE_OID}.1`;

/** ipoPhonesEntry columns: column number → object name. */
export const IPO_PHONES_COLUMNS: Readonly<Record<number, string>> = {
  1: 'ipoPhonesIndex',
  2: 'ipoPhonesExtID',
  3: 'ipoPhonesExtNumber',
  4: 'ipoPhonesUserShort',
  5: 'ipoPhonesUserLong',
  6: 'ipoPhonesType',
  7: 'ipoPhonesPort',
  8: 'ipoPhonesPortNumber',
  9: 'ipoPhonesModuleNumber',
  10: 'ipoPhonesIPAddress',
  11: 'ipoPhonesPhysAddress',
};

export const IPO_PHONES_NOTIFICATIONS_OID = `${IPO_PHONES_MIB_OID}.0`;

/** The phone change notifications: .0.1 deprecated (ipoGTEventSeverity), .0.2 current. */
export const IPO_PHONE_CHANGE_NOTIFICATIONS = [
  {
    oid: `${IPO_PHONES_NOTIFICATIONS_OID}.1`,
    name: 'ipoPhonesChangeEvent',
    varbinds: ['ipoGTEventSeverity', 'ipoGTEventDateTime', 'ipoPhonesExtID', 'ipoPhonesType', 'ipoPhonesPort'],
    deprecated: true,
  },
  {
    oid: `${IPO_PHONES_NOTIFICATIONS_OID}.2`,
    name: 'ipoPhonesChangeSvcEvent',
    varbinds: ['ipoGTEventStdSeverity', 'ipoGTEventDateTime', 'ipoGTEventDevID', 'sysDescr', 'ipoPhonesExtID', 'ipoPhonesType', 'ipoPhonesPort', 'ipoGTEventEntityName'],
    deprecated: false,
  },
] as const;

const PHONE_TYPE_NAMES = [
  'noPhone', 'genericPhone', 'potPhone', 'dtPhone', 'a4406Dplus', 'a4412Dplus', 'a4424Dplus', 'a4424LDplus', 'a9040TransTalk',
  'a6408Dplus', 'a6416Dplus', 'a6424Dplus', 'a4606ip', 'a4612ip', 'a4624ip', 'a4620ip', 'a4602ip', 'a2420', 'a2010dt', 'a2020dt',
  'a2030dt', 'a2050dt', 'act5', 'att3', 'att5', 'a5420', 'a5410', 'a4601ip', 'a4610ip', 'ablf', 'a2402', 'a2410', 'a5610ip',
  'a5620ip', 'softIPPhone', 'a5601ip', 'a5602ip', 'a4621ip', 'a5621ip', 'a4625ip', 'a5402', 'h323Phone', 'sipPhone', 't3Compact',
  't3Classic', 't3Comfort', 't3Phone', 't3compactIP', 't3classicIP', 't3comfortIP', 'avayaSip', 'admmPhone', 'a9620ip', 'a9630ip',
  'telecommuter', 'mobiletwin', 'a9640ip', 'a9650ip', 'a9610ip', 'a1603ip', 'a1608ip', 'a1616ip', 'a1703ip', 'a1708ip', 'a1716ip',
  's60Sip', 'sp320Sip', 'sp601Sip', 'a10ataSip', 'pmataSip', 'ip22Sip', 'ip24Sip', 'gxp2000Sip', 'gxp2020Sip', 'eyebeamSip',
  'a1403', 'a1408', 'a1416', 'a1450', 'ip28Sip', 'phoneManagerIP', 'a1503', 'a1508', 'a1516', 'a1550', 'a1603Lip', 'a1608Lip',
  'a1616Lip', 'softPhoneSip', 'etr34d', 'etr18d', 'etr6d', 'etr34', 'etr18', 'etr6', 'etrpots', 'doorphone1', 'doorphone2',
  'bstT7316e', 'a9620Sip', 'a9630Sip', 'a9640Sip', 'a9650Sip', 'a96xxSip', 'a1603Sip', 'a9404', 'a9408', 'a9504', 'a9508',
  'a9608ip', 'a9611ip', 'a9621ip', 'a9641ip', 'a3720Admm', 'a3725Admm', 'a1010Sip', 'a1040Sip', 'a1120ESip', 'a1140ESip',
  'a1220Sip', 'a1230Sip', 'a1692Sip', 'pvvxSip', 'gxv3140Sip', 'a3740Admm', 'a3749Admm', 'bstT7316', 'bstT7208', 'bstM7208',
  'bstM7310', 'bstM7310blf', 'bstM7324', 'bstM7100', 'bstT7100', 'bstT7000', 'bstDectA', 'bstDectB', 'bstDectC', 'bstDoorphone',
  'bstT7406', 'bstT7406E', 'bstM7310N', 'bstAcu', 'bstM7100N', 'bstM7324N', 'bstM7208N', 'aB179Sip', 'bstAta', 'aA175Sip',
  'aOneXSip', 'aFlareSip', 'aD100', 'aRadvisionXT1000', 'aRadvisionXT1200', 'aRadvisionXT4000', 'aRadvisionXT4200',
  'aRadvisionXT5000', 'aRadvisionXTPiccolo', 'aRadvisionScopiaMCU', 'aRadvisionScopiaVC240', 'aOneXSipMobile', 'aACCSServer',
  'aCIEServer', 'aE129SIP', 'aE159SIP', 'aE169SIP', 'aOneXMsiSIP', 'aRadvisionXT240', 'aWebRTCSIP', 'softPhoneSipMac',
];

/** PhoneType: 1 noPhone … 170 softPhoneSipMac. */
export const PHONE_TYPE: EnumTable = Object.freeze(Object.fromEntries(PHONE_TYPE_NAMES.map((name, i) => [i + 1, name])));
