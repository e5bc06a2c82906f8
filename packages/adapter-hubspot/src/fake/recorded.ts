// Recorded HubSpot bodies the fake answers with, byte for byte (see ../fixtures/SOURCES.txt for where
// each was recorded; a test checks these strings against the fixture files).

/** Recorded bodies, by what they answer. */
export const recorded = {
  batchOver100:
    '{\n  "status": "error",\n  "message": "The maximum number of inputs supported in a batch is 100. Please reduce the number of items and try again",\n  "correlationId": "3784ea30-07ce-4866-98e8-bf691d18899e",\n  "category": "VALIDATION_ERROR"\n}\n',
  tenSecondlyRolling:
    '{\n  "status": "error",\n  "message": "You have reached your ten_secondly_rolling limit.",\n  "errorType": "RATE_LIMIT",\n  "correlationId": "c93e06a4-7d61-4c3e-b63f-edf486fc6e90",\n  "policyName": "TEN_SECONDLY_ROLLING",\n  "groupName": "publicapi:hapikey-api-calls-ten-secondly:6748263"\n}\n',
  secondly:
    '{"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT","correlationId":"aedc0d29-ba1e-48e3-9fa0-9975c9131a7a","groupName":"publicapi:hapikey-secondly:2431623","policyName":"SECONDLY","requestId":"632b866a6fc6454f32d5423a1166e92a"}\n',
  daily:
    '{\n  "status": "error",\n  "message": "You have reached your daily limit.",\n  "errorType": "RATE_LIMIT",\n  "correlationId": "c033cdaa-2c40-4a64-ae48-b4cec88dad24",\n  "policyName": "DAILY",\n  "requestId": "3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd"\n}\n',
  objectNotFound:
    '{\n    "status": "error",\n    "message": "Object not found.  objectId are usually numeric.",\n    "correlationId": "...",\n    "context": {\n        "id": [\n            "email%40company.org?properties=phone&idProperty=email"\n        ]\n    },\n    "category": "OBJECT_NOT_FOUND"\n}\n',
} as const;
