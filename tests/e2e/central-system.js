#!/usr/bin/env node
'use strict';

// OCPP 1.6J central system for the end-to-end tests, built on ocpp-rpc in strict mode, which validates
// every CALL and CALLRESULT in both directions against the OCPP 1.6 JSON schemas shipped with ocpp-rpc.
//
// Protocol with the test process, one JSON object per line:
// - stdout, first line: {"event":"listening","port":N,"url":"ws://127.0.0.1:N"}.
// - stdout, then: one event per line (see the report* functions below). Every strict validation
//   failure and every bad message, in either direction, is reported as {"event":"validationFailure",...}.
// - stdin: commands, each acknowledged by {"event":"ack","ref":...} once applied:
//   {"cmd":"queue","action":A,"match":{...},"reply":R}    one-shot reply, consumed in FIFO order
//   {"cmd":"default","action":A,"match":{...},"reply":R}  standing reply, replaces the one with the same action and match
//   {"cmd":"call","ref":X,"action":A,"payload":{...},"timeoutMs":N}  CALL to the charge point (strict)
//   {"cmd":"raw","ref":X,"text":"...","replyId":"id"}     raw text to the charge point; a reply with replyId is expected
//   {"cmd":"disconnect","code":1000}                      closes the charge point's connection
//   {"cmd":"sync"}                                         does nothing: its ack follows every earlier event
//   R is {"result":{...}}, {"error":"Code","description":"...","details":{}} or {"noReply":true}.
//   "match" compares top-level payload fields for equality (e.g. {"idTag":"04A1B2C3D4E5F6"}).
//   In a result, the string "$now" becomes the current UTC time and "$next" the next transactionId.
// The process exits with code 0 when stdin closes.

const readline = require('readline');
const { RPCServer, createRPCError, NOREPLY } = require('ocpp-rpc');

// CALLERROR codes of OCPP-J 1.6 in its own spellings (FormationViolation, OccurenceConstraintViolation),
// as the ocpp-rpc 2.2.1 README lists them.
const OCPP16_ERROR_CODES = new Set([
    'NotImplemented', 'NotSupported', 'InternalError', 'ProtocolError', 'SecurityError',
    'FormationViolation', 'PropertyConstraintViolation', 'OccurenceConstraintViolation',
    'TypeConstraintViolation', 'GenericError',
]);

// OCPP-J 1.6 limits a message id to a string of 36 characters, the length of a UUID.
const MAX_MESSAGE_ID_LENGTH = 36;

const FIRST_TRANSACTION_ID = 1001;

let nextTransactionId = FIRST_TRANSACTION_ID;
let currentClient = null;

// action -> array of {match, reply}; one-shot replies consumed in order.
const queuedReplies = new Map();
// action -> array of {match, reply}; standing replies.
const defaultReplies = new Map();

// Raw frames sent to the charge point whose reply is expected: messageId -> ref.
const expectedRawReplies = new Map();
// Raw replies already received, whose ocpp-rpc badMessage ("unrecognised message ID") is expected once.
const rawRepliesReceived = new Set();

function emit(event) {
    process.stdout.write(JSON.stringify(event) + '\n');
}

function reportValidationFailure(failure) {
    emit(Object.assign({ event: 'validationFailure' }, failure));
}

function reportHarnessError(message, error) {
    emit({ event: 'harnessError', message, error: error ? String(error.stack || error) : null });
}

function builtInResult(action, params) {
    switch (action) {
        case 'BootNotification':
            return { status: 'Accepted', currentTime: '$now', interval: 300 };
        case 'Heartbeat':
            return { currentTime: '$now' };
        case 'Authorize':
            return { idTagInfo: { status: 'Accepted' } };
        case 'StartTransaction':
            return { idTagInfo: { status: 'Accepted' }, transactionId: '$next' };
        case 'StopTransaction':
            return params && params.idTag ? { idTagInfo: { status: 'Accepted' } } : {};
        case 'DataTransfer':
            return { status: 'UnknownVendorId' };
        case 'SignCertificate':
            return { status: 'Rejected' };
        case 'StatusNotification':
        case 'MeterValues':
        case 'DiagnosticsStatusNotification':
        case 'FirmwareStatusNotification':
        case 'SecurityEventNotification':
        case 'LogStatusNotification':
        case 'SignedFirmwareStatusNotification':
            return {};
        default:
            return null;
    }
}

function matches(match, params) {
    if (!match) {
        return true;
    }
    if (!params || typeof params !== 'object') {
        return false;
    }
    return Object.keys(match).every(key => JSON.stringify(params[key]) === JSON.stringify(match[key]));
}

function substitutePlaceholders(value) {
    if (value === '$now') {
        return new Date().toISOString();
    }
    if (value === '$next') {
        return nextTransactionId++;
    }
    if (Array.isArray(value)) {
        return value.map(substitutePlaceholders);
    }
    if (value && typeof value === 'object') {
        const copy = {};
        for (const key of Object.keys(value)) {
            copy[key] = substitutePlaceholders(value[key]);
        }
        return copy;
    }
    return value;
}

function takeScriptedReply(action, params) {
    const queue = queuedReplies.get(action) || [];
    const queuedIndex = queue.findIndex(entry => matches(entry.match, params));
    if (queuedIndex >= 0) {
        return queue.splice(queuedIndex, 1)[0].reply;
    }

    // Among standing replies, one with a match wins over one without.
    const defaults = defaultReplies.get(action) || [];
    const specific = defaults.find(entry => entry.match && matches(entry.match, params));
    if (specific) {
        return specific.reply;
    }
    const general = defaults.find(entry => !entry.match);
    if (general) {
        return general.reply;
    }

    const result = builtInResult(action, params);
    return result === null ? { error: 'NotImplemented', description: 'No reply scripted for ' + action } : { result };
}

function handleCall({ method, params }) {
    const reply = takeScriptedReply(method, params);
    if (reply.noReply) {
        return NOREPLY;
    }
    if (reply.error) {
        throw createRPCError(reply.error, reply.description || '', reply.details || {});
    }
    return substitutePlaceholders(reply.result);
}

function parseFrame(text) {
    try {
        return JSON.parse(text);
    } catch (error) {
        return undefined;
    }
}

// Checks a CALLERROR sent by the charge point: five elements (4, id, errorCode, errorDescription, errorDetails
// object) and an OCPP 1.6 error code. ocpp-rpc itself checks neither.
function checkCallErrorFrame(frame, identity) {
    const problems = [];
    if (frame.length !== 5) {
        problems.push('a CALLERROR has 5 elements, this one has ' + frame.length);
    }
    if (!OCPP16_ERROR_CODES.has(frame[2])) {
        problems.push('error code ' + JSON.stringify(frame[2]) + ' is not an OCPP 1.6 error code');
    }
    if (typeof frame[3] !== 'string') {
        problems.push('errorDescription is not a string');
    }
    if (!frame[4] || typeof frame[4] !== 'object' || Array.isArray(frame[4])) {
        problems.push('errorDetails is not an object');
    }
    if (problems.length > 0) {
        reportValidationFailure({
            kind: 'callErrorFormat', identity, fromChargePoint: true, messageId: frame[1],
            error: problems.join('; '), frame,
        });
    }
}

function attachClient(client) {
    const identity = client.identity;
    const inboundCallActions = new Map();
    const outboundCallRefs = new Map();
    const inboundCallIds = new Set();
    const pendingOutbound = new Map();
    // Refs of CALLs to the charge point whose reply frame was reported as callResult or callError.
    const answeredRefs = new Set();

    currentClient = client;
    emit({
        event: 'connected',
        identity,
        protocol: client.protocol,
        endpoint: client.handshake.endpoint,
        hasAuthorization: Boolean(client.handshake.headers.authorization),
        password: client.handshake.password ? client.handshake.password.toString('utf8') : null,
    });

    client.on('message', ({ message, outbound }) => {
        const text = message.toString();
        emit({ event: 'frame', identity, direction: outbound ? 'toChargePoint' : 'fromChargePoint', text });
        if (outbound) {
            return;
        }

        const frame = parseFrame(text);
        if (!Array.isArray(frame)) {
            return;
        }
        if (frame[0] === 4) {
            checkCallErrorFrame(frame, identity);
        }
        if ((frame[0] === 3 || frame[0] === 4) && expectedRawReplies.has(frame[1])) {
            const ref = expectedRawReplies.get(frame[1]);
            expectedRawReplies.delete(frame[1]);
            rawRepliesReceived.add(frame[1]);
            emit({ event: 'rawReply', identity, ref, messageId: frame[1], frame });
        }
    });

    client.on('call', ({ outbound, payload }) => {
        const [, messageId, action, params] = payload;
        if (outbound) {
            const ref = outboundCallRefs.get(params);
            outboundCallRefs.delete(params);
            pendingOutbound.set(messageId, ref);
            emit({ event: 'callSent', identity, ref, messageId, action, payload: params });
            return;
        }

        if (typeof messageId !== 'string' || messageId.length > MAX_MESSAGE_ID_LENGTH) {
            reportValidationFailure({
                kind: 'messageId', identity, fromChargePoint: true, messageId, action,
                error: 'a message id is a string of at most ' + MAX_MESSAGE_ID_LENGTH + ' characters',
            });
        } else if (inboundCallIds.has(messageId)) {
            reportValidationFailure({
                kind: 'messageId', identity, fromChargePoint: true, messageId, action,
                error: 'message id reused on the same connection',
            });
        }
        inboundCallIds.add(messageId);
        inboundCallActions.set(messageId, action);
        emit({ event: 'call', identity, messageId, action, payload: params });
    });

    client.on('response', ({ outbound, payload }) => {
        const [type, messageId] = payload;
        if (outbound) {
            const action = inboundCallActions.get(messageId);
            inboundCallActions.delete(messageId);
            if (type === 3) {
                emit({ event: 'sent', identity, type: 'CALLRESULT', messageId, action, payload: payload[2] });
            } else {
                emit({
                    event: 'sent', identity, type: 'CALLERROR', messageId, action,
                    errorCode: payload[2], errorDescription: payload[3], errorDetails: payload[4],
                });
            }
            return;
        }

        if (!pendingOutbound.has(messageId)) {
            return;
        }
        const ref = pendingOutbound.get(messageId);
        pendingOutbound.delete(messageId);
        answeredRefs.add(ref);
        if (type === 3) {
            emit({ event: 'callResult', identity, ref, messageId, payload: payload[2] });
        } else {
            emit({
                event: 'callError', identity, ref, messageId,
                errorCode: payload[2], errorDescription: payload[3], errorDetails: payload[4],
            });
        }
    });

    client.on('callResult', ({ outbound, messageId, method, result }) => {
        if (!outbound && result === NOREPLY) {
            emit({ event: 'sent', identity, type: 'none', messageId, action: method });
            inboundCallActions.delete(messageId);
        }
    });

    client.on('strictValidationFailure', ({ messageId, method, params, result, error, outbound, isCall }) => {
        reportValidationFailure({
            kind: 'strict',
            identity,
            fromChargePoint: !outbound,
            isCall,
            messageId,
            action: method,
            error: error && error.message,
            payload: isCall ? params : result,
        });
    });

    client.on('badMessage', ({ buffer, error, response }) => {
        const text = buffer.toString();
        const frame = parseFrame(text);
        if (Array.isArray(frame) && (frame[0] === 3 || frame[0] === 4) && rawRepliesReceived.has(frame[1])) {
            // ocpp-rpc does not know the id of a frame sent with "raw"; the reply was reported as rawReply.
            rawRepliesReceived.delete(frame[1]);
            return;
        }
        reportValidationFailure({
            kind: 'badMessage', identity, fromChargePoint: true,
            error: error && error.message, text, response,
        });
    });

    client.on('close', ({ code, reason }) => {
        if (currentClient === client) {
            currentClient = null;
        }
        emit({ event: 'disconnected', identity, code, reason: reason ? String(reason) : '' });
    });

    client.on('socketError', error => {
        emit({ event: 'socketError', identity, error: String(error && error.message) });
    });

    client.handle(handleCall);

    client.sendCallCommand = (command) => {
        const payload = command.payload === undefined ? {} : command.payload;
        outboundCallRefs.set(payload, command.ref);
        const options = command.timeoutMs ? { callTimeoutMs: command.timeoutMs } : {};
        client.call(command.action, payload, options).then(() => {
            answeredRefs.delete(command.ref);
        }, error => {
            // A reply of the charge point, even a CALLERROR, was already reported from its frame.
            outboundCallRefs.delete(payload);
            if (answeredRefs.has(command.ref)) {
                answeredRefs.delete(command.ref);
                return;
            }
            emit({ event: 'callFailed', identity, ref: command.ref, error: String(error && error.message) });
        });
    };
}

function requireClient(command) {
    if (!currentClient) {
        throw new Error('no charge point is connected, so "' + command.cmd + '" cannot be sent');
    }
    return currentClient;
}

function addReply(table, command, replaceSameMatch) {
    if (typeof command.action !== 'string' || !command.reply || typeof command.reply !== 'object') {
        throw new Error('"' + command.cmd + '" needs a string "action" and an object "reply"');
    }
    const entries = table.get(command.action) || [];
    const entry = { match: command.match || null, reply: command.reply };
    if (replaceSameMatch) {
        const sameIndex = entries.findIndex(e => JSON.stringify(e.match) === JSON.stringify(entry.match));
        if (sameIndex >= 0) {
            entries.splice(sameIndex, 1);
        }
    }
    entries.push(entry);
    table.set(command.action, entries);
}

function applyCommand(command) {
    switch (command.cmd) {
        case 'queue':
            addReply(queuedReplies, command, false);
            break;
        case 'default':
            addReply(defaultReplies, command, true);
            break;
        case 'call':
            requireClient(command).sendCallCommand(command);
            break;
        case 'raw':
            if (typeof command.text !== 'string') {
                throw new Error('"raw" needs a string "text"');
            }
            if (command.replyId != null) {
                expectedRawReplies.set(command.replyId, command.ref);
            }
            requireClient(command).sendRaw(command.text);
            break;
        case 'disconnect':
            requireClient(command).close({ code: command.code || 1000, reason: command.reason || '' });
            break;
        case 'sync':
            break;
        default:
            throw new Error('unknown command "' + command.cmd + '"');
    }
}

async function main() {
    const server = new RPCServer({
        protocols: ['ocpp1.6'],
        strictMode: true,
    });

    // ocpp-rpc accepts a client that offers no common subprotocol and then validates nothing, so the
    // harness rejects it, because OCPP-J 1.6 requires the ocpp1.6 subprotocol.
    server.auth((accept, reject, handshake) => {
        if (!handshake.protocols.has('ocpp1.6')) {
            reportValidationFailure({
                kind: 'handshake', identity: handshake.identity, fromChargePoint: true,
                error: 'WebSocket handshake without the ocpp1.6 subprotocol (offered: '
                    + JSON.stringify(Array.from(handshake.protocols)) + ')',
            });
            reject(400, 'Subprotocol ocpp1.6 required');
            return;
        }
        accept();
    });

    server.on('client', attachClient);
    server.on('error', error => reportHarnessError('server error', error));

    const httpServer = await server.listen(0, '127.0.0.1');
    const port = httpServer.address().port;
    emit({ event: 'listening', port, url: 'ws://127.0.0.1:' + port });

    const input = readline.createInterface({ input: process.stdin });
    input.on('line', line => {
        if (line.trim() === '') {
            return;
        }
        let command;
        try {
            command = JSON.parse(line);
        } catch (error) {
            reportHarnessError('command is not JSON: ' + line, error);
            return;
        }
        try {
            applyCommand(command);
            emit({ event: 'ack', ref: command.ref === undefined ? null : command.ref, cmd: command.cmd });
        } catch (error) {
            emit({ event: 'commandFailed', ref: command.ref === undefined ? null : command.ref, cmd: command.cmd, error: error.message });
        }
    });
    input.on('close', async () => {
        await server.close({ force: true }).catch(() => {});
        process.exit(0);
    });
}

process.on('uncaughtException', error => reportHarnessError('uncaught exception', error));
process.on('unhandledRejection', error => reportHarnessError('unhandled rejection', error));

main().catch(error => {
    reportHarnessError('startup failed', error);
    process.exit(1);
});
