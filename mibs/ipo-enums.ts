/**
 * Enumerations of the IPO-MIB's notification objects (IPO-MIB rev 2014-07-04), as data.
 * Newer IP Office releases may add values: callers keep an unknown number as data
 * (see enumName), never drop it. Facts: ../shared/reference/ipo-and-voip.md §4.3,
 * monitoring-anchors.md §7.2.
 */

export type EnumTable = Readonly<Record<number, string>>;

/** ItuPerceivedSeverity (ITU-ALARM-TC-MIB), used by ipoGTEventStdSeverity. */
export const ITU_SEVERITY: EnumTable = { 1: 'cleared', 2: 'indeterminate', 3: 'critical', 4: 'major', 5: 'minor', 6: 'warning' };

/** ipoGTEventSeverity, deprecated (notifications 1–14 and the deprecated phone change). */
export const DEPRECATED_SEVERITY: EnumTable = { 1: 'critical', 2: 'major', 3: 'minor' };

export const APP_ENTITY: EnumTable = { 1: 'voiceMail', 2: 'deltaServer', 3: 'customerCallReporter', 4: 'oneXPortal' };

const APP_EVENT_NAMES = [
  'storageFull', 'storageNearlyFull', 'storageOkay', 'backupCommunicationError', 'backupFileError', 'httpFailure',
  'httpSslAcceptFailure', 'httpSslConnection', 'httpSslFailure', 'httpSslPortFailure', 'ignoringRequest',
  'imapInitializationFailed', 'imapInvalidMsgNr', 'imapMailboxNotExist', 'imapMessageInvalid', 'imapMessageNotExist',
  'imapMessageNrNotExist', 'imapMissingConnection', 'imapMissingSettings', 'imapNoLicence', 'imapNotConfigured',
  'imapShiftConnection', 'mapiInitializationFailed', 'mapiMissingSettings', 'mapiConnectionFailed', 'mapiShiftConnection',
  'licence', 'licenceDistributed', 'licenceExpired', 'licenceSOG', 'loginFailure', 'loginFailureInvalidMailbox',
  'mailboxNotFound', 'makeLiveFileAccess', 'makeLiveMissingFile', 'offlineMakeLive', 'onexError', 'pbxConnectionLost',
  'pbxIncompatibility', 'smgrSettingsError', 'smtpConnectionFailed', 'smtpConnectionTimeout', 'smtpError',
  'smtpSecureConnectionFailed', 'smtpUnexpectedData', 'smtpUnsuportedData', 'socketAbortingError', 'socketBindError',
  'socketClientDisconnectedError', 'socketConnectionError', 'socketNoresponseError', 'socketOptionError',
  'socketReceiveError', 'socketRecvFailedError', 'socketSendFailedError', 'socketSelectError', 'socketTimedOutError',
  'switchedToPrimary', 'switchedToSecondary', 'tcpAcceptError', 'tcpListenError', 'tcpSelectError', 'tcpError',
  'testTimeExpired', 'tftpConnectionError', 'tftpMonitoringError', 'tftpReadingError', 'tftpReceivingError',
  'tftpWrittingError', 'tooManyClients', 'updateEerror', 'updateSuccess', 'vmScript',
];
/** ipoGTEventAppEvent: 1 storageFull … 73 vmScript. */
export const APP_EVENT: EnumTable = numbered(APP_EVENT_NAMES);

export const SOG_MODE: EnumTable = { 1: 'survivable', 2: 'subTending' };
export const QOS_DEVICE_TYPE: EnumTable = { 1: 'line', 2: 'extn' };
export const MEMORY_CARD_SLOT: EnumTable = { 1: 'compactFlash', 2: 'systemSD', 3: 'optionalSD' };
export const NO_VALID_KEY_REASON: EnumTable = numbered([
  'noReason', 'notPresent', 'noRegisterAccess', 'invalidRegisters', 'invalidWatermark', 'invalidClusterSize', 'invalidVolume',
  'invalidHeaderFiles', 'nonSpecificError',
]);

const REASON_NAMES = [
  'configurationAgentNotTargeted', 'configurationSCNDialPlanConflict', 'configurationNoIncomingCallRoute',
  'configurationHWTypeFailure', 'serviceFeatureLicenseMissing', 'serviceAllLicensesInUse', 'serviceClockSourceChanged',
  'serviceLogonFailed', 'serviceNoFreeChannelsAvail', 'serviceHoldMusicFileFailure', 'serviceAllResourcesInUse',
  'serviceAlarm', 'serviceNetworkInterconnectFailure', 'trunkSeizeFailure', 'trunkIncomingCallOutgoingTrunk',
  'trunkCLINotDelivered', 'trunkDDIIncomplete', 'trunkLOS', 'trunkOOS', 'trunkRedAlarm', 'trunkBlueAlarm',
  'trunkYellowAlarm', 'trunkIPConnectFail', 'trunkSCNInvalidConnection', 'linkDeviceChanged', 'linkLDAPServerCommFailure',
  'linkResourceDown', 'linkSMTPServerCommFailure', 'linkVMProConnFailure', 'serviceTimeServerAlarm',
  'serviceLicenseFileInvalid', 'serviceLicenseError', 'securityError', 'codecError', 'scepNoRespError',
  'configAppsProcAlarm', 'serviceAppsProcAlarm', 'serviceLicenseServerError', 'testAlarm', 'servicePlannedMaintenance',
  'serviceNetworkDisconnection', 'serviceFailedTlsNegotiation', 'serviceFailedTlsRenegotiation', 'serviceLackOfResources',
  'serviceInternalError', 'serviceTooManyMissedHeartbeats', 'serviceFailedDnsResolution', 'serviceDuplicateIpAddress',
  'serviceAuthenticationFailure', 'serviceSslVpnStackProtocolError', 'serviceSslVpnServerReportedError',
  'servicePortRangeExhausted', 'serviceWebservicesUWSError', 'trunkNoFreeVoIPChannel', 'serviceEmergencyCall',
  'serviceLocationCongestion', 'serviceCpuAlarm', 'serviceCpuIOAlarm', 'serviceMemoryAlarm', 'serviceLocalBackup',
  'trunkSMConnectAsSIP', 'trunkSIPConnectAsSM', 'serviceSipRxPacketSizeError', 'serviceACCSAlarm',
  'serviceSystemHardDriveAlarm', 'serviceAdditionalHardDriveAlarm', 'linkDialerConnFailure', 'trunkSIPDNSInvalidConfig',
  'trunkSIPDNSTransportError', 'monitorLogStamped', 'trunkSCNInvalidSubOperMode', 'serviceIPDECTSystemError',
  'serviceIPOCCAlarm', 'serviceGeneralAlarm', 'serviceSystemInfo', 'serviceNonSelectAlarm', 'serviceCCRNotSupported',
  'serviceAMServerNotAvailable', 'trunkMediaSecuritySettingsIncompatible',
];
/** ipoGTEventReason: 79 values, the canonical IP Office alarm-id list (1 configurationAgentNotTargeted … 79). */
export const EVENT_REASON: EnumTable = numbered(REASON_NAMES);

/** ipoGTEventLoopbackStatusBits (BITS): bit number → name. */
export const LOOPBACK_STATUS_BITS: EnumTable = {
  0: 'noLoopback', 1: 'nearEndPayloadLoopback', 2: 'nearEndLineLoopback', 3: 'nearEndOtherLoopback',
  4: 'nearEndInwardLoopback', 5: 'farEndPayloadLoopback', 6: 'farEndLineLoopback',
};

/** The name of an enum value, or `unknown(<n>)` for a value this MIB copy does not know (kept as data). */
export function enumName(table: EnumTable, value: number): string {
  return table[value] ?? `unknown(${value})`;
}

function numbered(names: readonly string[]): EnumTable {
  return Object.freeze(Object.fromEntries(names.map((name, i) => [i + 1, name])));
}
