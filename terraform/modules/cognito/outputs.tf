output "issuer_uri" {
  description = "OpenID issuer of the pool (PERSONA_OIDC_ISSUER_URI of the gateway)."
  value       = "https://cognito-idp.${data.aws_region.current.region}.amazonaws.com/${aws_cognito_user_pool.this.id}"
}

output "client_id" {
  description = "Client id of the public web client (authorization code + PKCE)."
  value       = aws_cognito_user_pool_client.web.id
}

output "hosted_ui_url" {
  description = "Base URL of the hosted sign-in pages."
  value       = "https://${aws_cognito_user_pool_domain.this.domain}.auth.${data.aws_region.current.region}.amazoncognito.com"
}

output "user_pool_id" {
  description = "Id of the user pool (aws cognito-idp admin-create-user --user-pool-id)."
  value       = aws_cognito_user_pool.this.id
}
