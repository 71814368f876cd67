-- Argo CD health check shared by the three MtlsOperator kinds (TrustStore, ClientCertificate,
-- PrivateApiExposure). Healthy only when the operator has observed the current generation and reports
-- Ready=True; Progressing while it works (issuing, waiting for AWS, waiting for a TrustStore);
-- Degraded with the operator's own message otherwise.
local hs = {}

local function find(conditions, kind)
  if conditions == nil then return nil end
  for _, c in ipairs(conditions) do
    if c.type == kind then return c end
  end
  return nil
end

-- Reasons that mean "the operator is working on it", not "something is wrong".
local progressing = {
  Pending = true, Issuing = true, Provisioning = true, WaitingForTrustStore = true,
  PendingDeployment = true, Deleting = true, InProgress = true,
}

if obj.metadata ~= nil and obj.metadata.deletionTimestamp ~= nil then
  hs.status = "Progressing"
  hs.message = "Deleting: the operator is cleaning up AWS resources"
  return hs
end

local generation = 0
if obj.metadata ~= nil and obj.metadata.generation ~= nil then generation = obj.metadata.generation end
local conditions = nil
if obj.status ~= nil then conditions = obj.status.conditions end
local ready = find(conditions, "Ready")

if ready == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report status"
  return hs
end

local observed = ready.observedGeneration
if observed == nil and obj.status ~= nil then observed = obj.status.observedGeneration end
if observed == nil or observed < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end

local message = ready.message or ""
if ready.status == "True" then
  local degraded = find(conditions, "Degraded")
  if degraded ~= nil and degraded.status == "True" then
    hs.status = "Degraded"
    hs.message = degraded.message or degraded.reason or "Degraded"
    return hs
  end
  local issuing = find(conditions, "Issuing")
  if issuing ~= nil and issuing.status == "True" then
    hs.status = "Progressing"
    hs.message = issuing.message or "Issuing a new certificate"
    return hs
  end
  hs.status = "Healthy"
  hs.message = message
  return hs
end

local issuing = find(conditions, "Issuing")
if ready.status == "Unknown" or progressing[ready.reason] or (issuing ~= nil and issuing.status == "True") then
  hs.status = "Progressing"
  if message == "" then message = ready.reason or "Progressing" end
  hs.message = message
  return hs
end

hs.status = "Degraded"
if message == "" then message = ready.reason or "Not ready" end
hs.message = message
return hs
